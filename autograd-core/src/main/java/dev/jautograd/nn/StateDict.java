package dev.jautograd.nn;

import static dev.jautograd.internal.TensorInternals.sameShape;

import dev.jautograd.DType;
import dev.jautograd.Shapes;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.GradMode;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code state_dict()}, {@code load_state_dict()} and their file form ({@code torch.save} /
 * {@code torch.load} of a state dict).
 *
 * <p>The file is big-endian binary, as {@link DataOutputStream} writes it: the UTF string
 * {@code "jautograd.state_dict"}, the int {@code 1} (format version), the int entry count, then
 * per entry in order: the key (UTF), the dtype (UTF: {@code float32}, {@code float64},
 * {@code int64}, {@code bool}), the int number of dims, one int per dim, and the elements in
 * row-major order (float, double, long or boolean each). Values survive bit for bit.
 */
public final class StateDict {
    private static final String MAGIC = "jautograd.state_dict";
    private static final int VERSION = 1;

    private StateDict() {}

    /** What {@code load_state_dict} returns; prints as PyTorch's {@code _IncompatibleKeys}. */
    public record IncompatibleKeys(List<String> missingKeys, List<String> unexpectedKeys) {
        @Override
        public String toString() {
            if (missingKeys.isEmpty() && unexpectedKeys.isEmpty()) return "<All keys matched successfully>";
            return "_IncompatibleKeys(missing_keys=" + pyList(missingKeys) + ", unexpected_keys="
                    + pyList(unexpectedKeys) + ")";
        }

        private static String pyList(List<String> keys) {
            return keys.stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /** An insertion-ordered map that prints as Python's {@code OrderedDict}, as {@code print(model.state_dict())}. */
    public static final class OrderedDict extends LinkedHashMap<String, Tensor> {
        @Override
        public String toString() {
            if (isEmpty()) return "OrderedDict()";
            return entrySet().stream().map(e -> "('" + e.getKey() + "', " + e.getValue() + ")")
                    .collect(Collectors.joining(", ", "OrderedDict([", "])"));
        }
    }

    static Map<String, Tensor> of(Module module) {
        Map<String, Tensor> out = new OrderedDict();
        collect(module, "", out);
        return out;
    }

    // Unlike named_parameters, the state dict recurses without de-duplication, as PyTorch's does.
    private static void collect(Module module, String prefix, Map<String, Tensor> out) {
        module.ownParameters().forEach((name, p) -> { if (p != null) out.put(prefix + name, p.detach()); });
        module.ownModules().forEach((name, m) -> { if (m != null) collect(m, prefix + name + ".", out); });
    }

    static IncompatibleKeys load(Module module, Map<String, Tensor> stateDict, boolean strict) {
        List<String> missing = new ArrayList<>(), unexpected = new ArrayList<>(), errors = new ArrayList<>();
        try (var noGrad = GradMode.disabled()) {
            load(module, "", stateDict, missing, unexpected, errors);
        }
        if (strict && !unexpected.isEmpty()) errors.add(0, "Unexpected key(s) in state_dict: " + quoted(unexpected) + ". ");
        if (strict && !missing.isEmpty()) errors.add(0, "Missing key(s) in state_dict: " + quoted(missing) + ". ");
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("Error(s) in loading state_dict for " + module.typeName() + ":\n\t"
                    + String.join("\n\t", errors));
        }
        return new IncompatibleKeys(Collections.unmodifiableList(missing), Collections.unmodifiableList(unexpected));
    }

    /** torch's Module._load_from_state_dict, then the same for each child under its prefix. */
    private static void load(Module module, String prefix, Map<String, Tensor> stateDict, List<String> missing, List<String> unexpected, List<String> errors) {
        Map<String, Tensor> local = module.ownParameters();
        local.forEach((name, param) -> {
            if (param == null) return;
            String key = prefix + name;
            Tensor input = stateDict.get(key);
            if (input == null) {
                missing.add(key);
            } else if (!sameShape(input, param)) {
                errors.add("size mismatch for " + key + ": copying a param with shape " + size(input)
                        + " from checkpoint, the shape in current model is " + size(param) + ".");
            } else {
                param.copy_(input);
            }
        });
        // Found whether strict or not (the result lists them); only strict turns them into an error.
        for (String key : stateDict.keySet()) {
            if (!key.startsWith(prefix)) continue;
            String first = key.substring(prefix.length()).split("\\.", 2)[0];
            if (!module.ownModules().containsKey(first) && !local.containsKey(first)) unexpected.add(key);
        }
        module.ownModules().forEach((name, child) -> {
            if (child != null) load(child, prefix + name + ".", stateDict, missing, unexpected, errors);
        });
    }

    private static String size(Tensor t) {
        return "torch.Size(" + Shapes.listString(t.shape()) + ")";
    }

    private static String quoted(List<String> keys) {
        return keys.stream().map(k -> "\"" + k + "\"").collect(Collectors.joining(", "));
    }

    // ---------------------------------------------------------------- files

    /** As {@code torch.save(state_dict, path)}, in the format described above. */
    public static void save(Map<String, Tensor> stateDict, Path path) {
        try (var out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(path)))) {
            out.writeUTF(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(stateDict.size());
            for (var entry : stateDict.entrySet()) write(out, entry.getKey(), entry.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(DataOutputStream out, String key, Tensor t) throws IOException {
        out.writeUTF(key);
        out.writeUTF(t.dtype().toString().substring("torch.".length()));
        out.writeInt(t.dim());
        for (int size : t.shape()) out.writeInt(size);
        switch (t.dtype()) {
            case FLOAT32 -> { for (double v : t.toDoubleArray()) out.writeFloat((float) v); }
            case FLOAT64 -> { for (double v : t.toDoubleArray()) out.writeDouble(v); }
            case INT64 -> { for (long v : t.toLongArray()) out.writeLong(v); }
            case BOOL -> { for (long v : t.toLongArray()) out.writeBoolean(v != 0); }
        }
    }

    /** As {@code torch.load(path)} of a saved state dict: the entries in their saved order. */
    public static Map<String, Tensor> load(Path path) {
        try (var in = new DataInputStream(new BufferedInputStream(Files.newInputStream(path)))) {
            if (!MAGIC.equals(readMagic(in)) || in.readInt() != VERSION) {
                throw new IllegalArgumentException("not a jautograd state dict file (version " + VERSION + "): " + path);
            }
            int count = in.readInt();
            Map<String, Tensor> out = new OrderedDict();
            for (int i = 0; i < count; i++) {
                String key = in.readUTF();
                out.put(key, read(in));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readMagic(DataInputStream in) {
        try {
            return in.readUTF();
        } catch (IOException e) {
            return null;
        }
    }

    private static Tensor read(DataInputStream in) throws IOException {
        DType dtype = dtypeNamed(in.readUTF());
        int[] shape = new int[in.readInt()];
        for (int d = 0; d < shape.length; d++) shape[d] = in.readInt();
        Storage storage = Storage.allocate(dtype, Shapes.numel(shape));
        for (int i = 0; i < storage.size(); i++) {
            switch (dtype) {
                case FLOAT32 -> storage.set(i, in.readFloat());
                case FLOAT64 -> storage.set(i, in.readDouble());
                case INT64 -> storage.setLong(i, in.readLong());
                case BOOL -> storage.set(i, in.readBoolean() ? 1 : 0);
            }
        }
        return TensorInternals.wrap(storage, shape);
    }

    private static DType dtypeNamed(String name) {
        for (DType d : DType.values()) if (d.toString().equals("torch." + name)) return d;
        throw new IllegalArgumentException("unknown dtype " + name);
    }
}
