package dev.jautograd.nn;

import dev.jautograd.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code torch.nn.Module}. Python finds a module's parameters and submodules through
 * {@code __setattr__}; Java has no such hook, so a module registers them explicitly, in the
 * order PyTorch would see the assignments, and keeps the returned value in a field:
 *
 * <pre>{@code
 * class Net extends Module {
 *     final Linear l1 = registerModule("l1", new Linear(2, 3));   // self.l1 = nn.Linear(2, 3)
 *     final Tensor w = registerParameter("w", Torch.randn(3));     // self.w = nn.Parameter(torch.randn(3))
 *     public Tensor forward(Tensor x) { return l1.forward(x).mul(w); }
 * }
 * }</pre>
 *
 * Field initialisers run in declaration order, so the names come out in the order of the
 * fields. Discovering fields by reflection was the alternative; it was left out because the
 * JVM does not promise declaration order for reflected fields, a field holding a module that is
 * not a child (a shared reference) would be mistaken for one, and the explicit call is the
 * same {@code register_module}/{@code register_parameter} PyTorch itself offers.
 *
 * <p>{@code java.lang.Module} has the same simple name: after {@code import dev.jautograd.nn.*}
 * the name is ambiguous, so import this class by name too ({@code import dev.jautograd.nn.Module;}).
 */
public class Module {
    // Insertion-ordered, as Python dicts: every listing below follows registration order.
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Module> modules = new LinkedHashMap<>();
    private boolean training = true;

    // Every live module, weakly, in creation order: a picture of a graph names parameters by their
    // module path (ParameterNames) without the user passing named_parameters() as torchviz asks.
    private static final Map<Module, Long> LIVE = Collections.synchronizedMap(new WeakHashMap<>());
    private static final AtomicLong CREATED = new AtomicLong();

    {
        LIVE.put(this, CREATED.getAndIncrement());
    }

    /** The computation; a module with one input overrides this ({@code model(x)} is {@code model.forward(x)}). */
    public Tensor forward(Tensor input) {
        throw new UnsupportedOperationException("Module [" + typeName() + "] is missing the required \"forward\" function");
    }

    // ---------------------------------------------------------------- registration

    /**
     * As {@code self.name = nn.Parameter(t)} or {@code register_parameter(name, t)}: {@code param}
     * becomes a parameter (a tensor not yet one is wrapped by {@link Parameter#of}); null records
     * an absent parameter, as {@code Linear(bias=False)} does. Returns what was registered.
     */
    public Tensor registerParameter(String name, Tensor param) {
        checkName(name, "parameter");
        if (modules.containsKey(name)) throw new IllegalArgumentException("attribute '" + name + "' already exists");
        Tensor registered = param == null || param.isParameter() ? param : Parameter.of(param);
        parameters.put(name, registered);
        return registered;
    }

    /** As {@code self.name = module} or {@code register_module(name, module)}; returns the module. */
    public <M extends Module> M registerModule(String name, M module) {
        checkName(name, "module");
        if (parameters.containsKey(name)) throw new IllegalArgumentException("attribute '" + name + "' already exists");
        modules.put(name, module);
        return module;
    }

    private static void checkName(String name, String kind) {
        if (name.contains(".")) {
            throw new IllegalArgumentException(kind.equals("module") ? "module name can't contain \".\", got: " + name
                    : "parameter name can't contain \".\"");
        }
        if (name.isEmpty()) throw new IllegalArgumentException(kind + " name can't be empty string \"\"");
    }

    // ---------------------------------------------------------------- the tree

    /** As {@code named_children()}: the direct submodules by name, in registration order. */
    public Map<String, Module> namedChildren() {
        Map<String, Module> out = new LinkedHashMap<>();
        Set<Module> seen = identitySet();
        modules.forEach((name, m) -> { if (m != null && seen.add(m)) out.put(name, m); });
        return Collections.unmodifiableMap(out);
    }

    public List<Module> children() {
        return List.copyOf(namedChildren().values());
    }

    /** As {@code named_modules()}: this module as {@code ""}, then every submodule preorder, each once. */
    public Map<String, Module> namedModules() {
        Map<String, Module> out = new LinkedHashMap<>();
        collectModules("", identitySet(), out);
        return Collections.unmodifiableMap(out);
    }

    private void collectModules(String prefix, Set<Module> seen, Map<String, Module> out) {
        if (!seen.add(this)) return;
        out.put(prefix, this);
        modules.forEach((name, m) -> { if (m != null) m.collectModules(join(prefix, name), seen, out); });
    }

    public List<Module> modules() {
        return List.copyOf(namedModules().values());
    }

    /**
     * As {@code named_parameters()}: each module's own parameters before its children's, with
     * dotted paths ({@code 0.weight}, {@code l1.bias}); a parameter shared by two modules once.
     */
    public Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        Set<Tensor> seen = identitySet();
        namedModules().forEach((prefix, m) -> m.parameters.forEach((name, p) -> {
            if (p != null && seen.add(p)) out.put(join(prefix, name), p);
        }));
        return Collections.unmodifiableMap(out);
    }

    public List<Tensor> parameters() {
        return List.copyOf(namedParameters().values());
    }

    static String join(String prefix, String name) {
        return prefix.isEmpty() ? name : prefix + "." + name;
    }

    private static <T> Set<T> identitySet() {
        return Collections.newSetFromMap(new IdentityHashMap<>());
    }

    /** The modules still reachable, oldest first (ParameterNames reads them at render time). */
    static List<Module> live() {
        List<Map.Entry<Module, Long>> entries;
        synchronized (LIVE) {
            entries = new ArrayList<>(LIVE.entrySet());
        }
        entries.sort(Map.Entry.comparingByValue());
        return entries.stream().map(Map.Entry::getKey).toList();
    }

    /** This module's own parameter slots (null values included), for the state dict. */
    Map<String, Tensor> ownParameters() {
        return parameters;
    }

    /** This module's own child slots, in order, for the state dict (which keeps duplicates). */
    Map<String, Module> ownModules() {
        return modules;
    }

    // ---------------------------------------------------------------- modes and gradients

    /** As {@code train(mode)}: sets the mode of this module and every submodule; returns this. */
    public Module train(boolean mode) {
        training = mode;
        for (Module child : children()) child.train(mode);
        return this;
    }

    public Module train() {
        return train(true);
    }

    /** As {@code eval()}: {@code train(false)}. */
    public Module eval() {
        return train(false);
    }

    /** As {@code module.training}. */
    public boolean isTraining() {
        return training;
    }

    /** As {@code requires_grad_(flag)}: every parameter (e.g. false to freeze a pretrained part); returns this. */
    public Module requiresGrad_(boolean requiresGrad) {
        for (Tensor p : parameters()) p.requiresGrad_(requiresGrad);
        return this;
    }

    /** As PyTorch 1.13's {@code zero_grad()}: gradients zeroed in place (set_to_none=False). */
    public void zeroGrad() {
        zeroGrad(false);
    }

    /** As {@code zero_grad(set_to_none)}. */
    public void zeroGrad(boolean setToNone) {
        Gradients.zero(parameters(), setToNone);
    }

    // ---------------------------------------------------------------- state dict

    /** As {@code state_dict()}: every parameter by dotted path, detached, in {@link #namedParameters} order. */
    public Map<String, Tensor> stateDict() {
        return StateDict.of(this);
    }

    /** As {@code load_state_dict(state_dict)} (strict): copies the values in; PyTorch's messages on mismatch. */
    public StateDict.IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict) {
        return loadStateDict(stateDict, true);
    }

    public StateDict.IncompatibleKeys loadStateDict(Map<String, Tensor> stateDict, boolean strict) {
        return StateDict.load(this, stateDict, strict);
    }

    // ---------------------------------------------------------------- printing

    /** As {@code extra_repr()}: what goes between the parentheses, e.g. {@code in_features=2, ...}. */
    public String extraRepr() {
        return "";
    }

    /** Python's {@code type(self).__name__}: the class's simple name (an anonymous class takes its parent's). */
    protected String typeName() {
        Class<?> c = getClass();
        while (c.getSimpleName().isEmpty()) c = c.getSuperclass();
        return c.getSimpleName();
    }

    /** Exactly {@code print(model)}: the tree of modules, children indented by two spaces. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        String extra = extraRepr();
        List<String> extraLines = extra.isEmpty() ? List.of() : List.of(extra.split("\n", -1));
        lines.addAll(extraLines);
        modules.forEach((name, m) -> lines.add("(" + name + "): " + indent(m == null ? "None" : m.toString())));
        StringBuilder out = new StringBuilder(typeName()).append('(');
        if (extraLines.size() == 1 && modules.isEmpty()) {
            out.append(extraLines.get(0));
        } else if (!lines.isEmpty()) {
            out.append("\n  ").append(String.join("\n  ", lines)).append('\n');
        }
        return out.append(')').toString();
    }

    /** torch.nn.modules.module._addindent: every line but the first, two spaces in. */
    private static String indent(String text) {
        return text.replace("\n", "\n  ");
    }
}
