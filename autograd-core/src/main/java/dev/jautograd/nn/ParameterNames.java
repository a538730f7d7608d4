package dev.jautograd.nn;

import dev.jautograd.Tensor;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The name each parameter of a live module is known by: its path from the outermost module that
 * holds it ({@code l1.weight}, {@code 0.bias} in a {@code Sequential}), as torchviz labels boxes
 * given {@code params=dict(model.named_parameters())}. Read when a picture is drawn, so a module
 * registered into a bigger one later is named from the bigger one.
 */
public final class ParameterNames {
    private ParameterNames() {}

    /** Parameter to path, by identity; outermost modules in creation order, the first name wins. */
    public static Map<Tensor, String> current() {
        var modules = Module.live();
        Set<Module> children = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Module m : modules) {
            for (Module child : m.ownModules().values()) {
                if (child != null && child != m) children.add(child);
            }
        }
        Map<Tensor, String> names = new IdentityHashMap<>();
        for (Module m : modules) {
            if (children.contains(m)) continue;
            m.namedParameters().forEach((path, p) -> names.putIfAbsent(p, path));
        }
        return names;
    }
}
