package dev.jautograd.nn;

import dev.jautograd.Tensor;
import java.util.Map;

/** {@code nn.Sequential(m0, m1, ...)}: children named "0", "1", …; forward feeds each output to the next. */
public class Sequential extends Module implements Iterable<Module> {
    public Sequential(Module... modules) {
        for (Module m : modules) add(m);
    }

    /** As {@code nn.Sequential(OrderedDict(...))}: children under the given names, in the map's order. */
    public Sequential(Map<String, ? extends Module> modules) {
        modules.forEach(this::registerModule);
    }

    /** As {@code append(module)}: the next index; returns this. */
    public Sequential add(Module module) {
        registerModule(String.valueOf(ownModules().size()), module);
        return this;
    }

    /** As {@code model[i]} (negative counts from the end). */
    public Module get(int index) {
        int n = ownModules().size();
        if (index < -n || index >= n) throw new IndexOutOfBoundsException("index " + index + " is out of range");
        return ownModules().values().stream().skip(index < 0 ? index + n : index).findFirst().orElseThrow();
    }

    /** As {@code len(model)}. */
    public int size() {
        return ownModules().size();
    }

    /** As {@code for layer in model}. */
    @Override
    public java.util.Iterator<Module> iterator() {
        return java.util.Collections.unmodifiableCollection(ownModules().values()).iterator();
    }

    @Override
    public Tensor forward(Tensor input) {
        for (Module m : ownModules().values()) input = m.forward(input);
        return input;
    }
}
