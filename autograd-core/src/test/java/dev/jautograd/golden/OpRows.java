package dev.jautograd.golden;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.nn.Functional;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Java reading of ops.txt (test resources): each row's call, made on the golden's inputs and
 * arguments as gen_ops.py makes it in Python, with the method found by reflection on its
 * camelCase name and the overload picked by the arguments' types. The cases column is Python's.
 */
public final class OpRows {
    private OpRows() {}

    /** Row key to call, in file order; {@code special} rows have their call in {@link OpTable#SPECIAL}. */
    public static final Map<String, String> CALLS = read();

    private static final Pattern STEP = Pattern.compile("\\.?(\\w+)\\(([^()]*)\\)");
    private static final Map<String, Class<?>> NAMESPACES = Map.of("torch", Torch.class, "F", Functional.class);

    private static Map<String, String> read() {
        var calls = new LinkedHashMap<String, String>();
        try (var in = new BufferedReader(new InputStreamReader(
                OpRows.class.getResourceAsStream("/ops.txt"), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#") || Character.isWhitespace(line.charAt(0))) continue;
                String[] keyRest = line.split("\\s+", 2);
                calls.put(keyRest[0], callOf(keyRest[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return calls;
    }

    /** The call runs to the parenthesis that closes its last step (golden_common.split_call). */
    private static String callOf(String rest) {
        if (rest.startsWith("special")) return "special";
        int depth = 0;
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ')' && depth == 0 && (i + 1 == rest.length() || Character.isWhitespace(rest.charAt(i + 1)))) {
                return rest.substring(0, i + 1);
            }
        }
        throw new IllegalArgumentException("no call in ops.txt row: " + rest);
    }

    /** Makes row {@code call} on the inputs with the case's arguments (golden_common.invoke). */
    public static Tensor invoke(String call, List<Tensor> x, JsonObject args) {
        int dot = call.indexOf('.');
        Class<?> namespace = dot < 0 ? null : NAMESPACES.get(call.substring(0, dot));
        Object target = namespace == null ? x.get(0) : null;
        String steps = namespace == null ? call : call.substring(dot + 1);
        Matcher m = STEP.matcher(steps);
        int end = 0;
        while (m.find() && m.start() == end) {
            end = m.end();
            Object[] values = arguments(m.group(2), x, args);
            target = call(namespace == null ? target.getClass() : namespace, target, camelCase(m.group(1)), values);
            namespace = null;
        }
        if (end != steps.length()) throw new IllegalArgumentException("cannot read call " + call);
        return (Tensor) target;
    }

    /** Inputs as tensors, named arguments as their JSON (JsonNull when a keyword is absent), literals parsed. */
    private static Object[] arguments(String text, List<Tensor> x, JsonObject args) {
        if (text.isBlank()) return new Object[0];
        String[] tokens = text.split(",");
        Object[] values = new Object[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            String token = tokens[i].strip();
            if (token.matches("x\\d")) values[i] = x.get(token.charAt(1) - '0');
            else if (token.endsWith("=")) values[i] = args.has(name(token)) ? args.get(name(token)) : JsonNull.INSTANCE;
            else if (args.has(token)) values[i] = args.get(token);
            else if (token.equals("None")) values[i] = JsonNull.INSTANCE;
            else values[i] = JsonParser.parseString(token);
        }
        return values;
    }

    private static String name(String keyword) {
        return keyword.substring(0, keyword.length() - 1);
    }

    /** log_softmax → logSoftmax; a trailing underscore (in place) stays: add_. */
    public static String camelCase(String pythonName) {
        var out = new StringBuilder();
        for (int i = 0; i < pythonName.length(); i++) {
            char c = pythonName.charAt(i);
            boolean inner = c == '_' && i + 1 < pythonName.length();
            if (inner) out.append(Character.toUpperCase(pythonName.charAt(++i)));
            else out.append(c);
        }
        return out.toString();
    }

    private static Object call(Class<?> type, Object target, String name, Object[] values) {
        Method best = null;
        int bestScore = -1;
        for (Method method : type.getMethods()) {
            if (!method.getName().equals(name) || method.getParameterCount() != values.length) continue;
            if ((target == null) != Modifier.isStatic(method.getModifiers())) continue;
            int score = score(method.getParameterTypes(), values);
            if (score > bestScore) {
                best = method;
                bestScore = score;
            }
        }
        if (best == null) throw new IllegalArgumentException("no " + type.getSimpleName() + "." + name + " for these arguments");
        Object[] converted = new Object[values.length];
        for (int i = 0; i < values.length; i++) converted[i] = convert(values[i], best.getParameterTypes()[i]);
        try {
            return best.invoke(target, converted);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            throw new IllegalStateException(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How well the values fit the parameters: -1 if one cannot pass; an int prefers int/long to double. */
    private static int score(Class<?>[] params, Object[] values) {
        int total = 0;
        for (int i = 0; i < params.length; i++) {
            int s = fit(params[i], values[i]);
            if (s < 0) return -1;
            total += s;
        }
        return total;
    }

    private static int fit(Class<?> param, Object value) {
        if (value instanceof Tensor) return param == Tensor.class ? 2 : -1;
        if (value instanceof JsonNull) return param.isPrimitive() ? -1 : 1;
        if (value instanceof JsonArray) return param == int[].class ? 2 : -1;
        JsonPrimitive p = (JsonPrimitive) value;
        if (p.isBoolean()) return param == boolean.class || param == Boolean.class ? 2 : -1;
        if (p.isString()) return param == DType.class ? 2 : param == String.class ? 1 : -1;
        boolean integral = p.getAsString().matches("-?\\d+");
        if (param == int.class || param == long.class || param == Integer.class || param == Long.class) {
            return integral ? 2 : -1;
        }
        return param == double.class || param == Double.class ? 1 : -1;
    }

    private static Object convert(Object value, Class<?> param) {
        if (value instanceof Tensor) return value;
        if (value instanceof JsonNull) return null;
        if (value instanceof JsonArray array) return Goldens.ints(array);
        JsonPrimitive p = (JsonPrimitive) value;
        if (param == boolean.class || param == Boolean.class) return p.getAsBoolean();
        if (param == DType.class) return Goldens.dtype(p.getAsString());
        if (param == String.class) return p.getAsString();
        if (param == int.class || param == Integer.class) return p.getAsInt();
        if (param == long.class || param == Long.class) return p.getAsLong();
        return p.getAsDouble();
    }
}
