package dev.jautograd.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.jautograd.Options;
import dev.jautograd.Tensor;
import dev.jautograd.Torch;
import dev.jautograd.autograd.Node;
import dev.jautograd.golden.OpRows;
import dev.jautograd.nn.Module;
import dev.jautograd.optim.Optimizer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tab completion on {@code x.} lists the public methods of the user-facing classes, so these
 * are the user API: no internal may appear there (the deny-list), and each class's public
 * method names are a reviewed snapshot (src/test/resources/api/), so adding a public method is
 * a conscious choice. A Tensor method that a row of ops.txt calls counts as reviewed there (an
 * op's three places stay three); any other change: update the snapshot with the names printed.
 */
class PublicApiTest {
    /** What ops, loops, the engine and nn use, now reached through dev.jautograd.internal.TensorInternals. */
    private static final Set<String> INTERNAL = Set.of("storage", "setGradFn", "viewOf", "checkInPlace",
            "gradAccumulator", "markParameter", "empty", "emptyLike", "withStrides", "wrap", "sameShape",
            "hasDefaultStrides", "offsetOf", "bumpVersion", "releaseVariables", "dtypeOr", "isRequiresGrad",
            "withDtype", "withRequiresGrad", "self", "inPlace", "autogradMeta", "meta");

    private static final Class<?>[] USER_FACING = {
        Tensor.class, Torch.class, Options.class, Options.Keywords.class, Module.class, Optimizer.class, Node.class,
    };

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 4, 5, 6})
    void noInternalIsPublic(int which) {
        Set<String> leaked = new TreeSet<>(publicNames(USER_FACING[which]));
        leaked.retainAll(INTERNAL);
        assertTrue(leaked.isEmpty(), USER_FACING[which].getSimpleName() + " exposes internals: " + leaked);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Tensor", "Options.Keywords"})
    void publicNamesMatchTheSnapshot(String name) throws IOException {
        Class<?> type = name.equals("Tensor") ? Tensor.class : Options.Keywords.class;
        Set<String> expected = snapshot("/api/" + name + ".txt");
        Set<String> actual = publicNames(type);
        if (type == Tensor.class) {
            Set<String> tested = methodsCalledByOpRows();
            expected.removeAll(tested);
            actual.removeAll(tested);
        }
        Set<String> added = new TreeSet<>(actual);
        added.removeAll(expected);
        Set<String> removed = new TreeSet<>(expected);
        removed.removeAll(actual);
        assertEquals("added [] removed []", "added " + added + " removed " + removed,
                name + "'s public methods changed: if on purpose, update src/test/resources/api/" + name + ".txt");
    }

    /** Public method names callable on the type, {@code Object}'s own left out (the kernel hides them too). */
    private static Set<String> publicNames(Class<?> type) {
        return Arrays.stream(type.getMethods())
                .filter(m -> m.getDeclaringClass() != Object.class && Modifier.isPublic(m.getModifiers()))
                .map(PublicApiTest::label)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static String label(Method m) {
        return (Modifier.isStatic(m.getModifiers()) ? "static " : "") + m.getName();
    }

    /** The Java names of the methods and functions the op rows call (ops.txt's second column). */
    private static Set<String> methodsCalledByOpRows() throws IOException {
        Set<String> names = new TreeSet<>();
        Pattern call = Pattern.compile("([a-z_][A-Za-z0-9_]*)\\(");
        for (String row : snapshotLines("/ops.txt")) {
            String[] columns = row.split("\\s{2,}");
            if (row.startsWith(" ") || columns.length < 2) {
                continue;
            }
            Matcher m = call.matcher(columns[1]);
            while (m.find()) names.add(OpRows.camelCase(m.group(1)));
        }
        return names;
    }

    private static Set<String> snapshot(String resource) throws IOException {
        return snapshotLines(resource).stream().map(String::strip).collect(Collectors.toCollection(TreeSet::new));
    }

    /** A resource's lines but blank and comment ones, unstripped. */
    private static List<String> snapshotLines(String resource) throws IOException {
        try (InputStream in = PublicApiTest.class.getResourceAsStream(resource)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return text.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#")).collect(Collectors.toList());
        }
    }
}
