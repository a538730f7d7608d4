package dev.jautograd.viz;

import dev.jautograd.Tensor;
import dev.jautograd.nn.ParameterNames;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells which name a tensor is known by, so a graph can label leaves {@code a}, {@code w} instead
 * of torchviz's bare shapes. A Jupyter kernel fills one from its notebook variables; torchviz's
 * {@code params} dict is the same thing spelled by hand.
 *
 * <p>Lookups are by identity, never {@code equals}: two tensors with equal values are still two
 * different leaves of the graph.
 */
@FunctionalInterface
public interface NameResolver {
    /** The name of {@code tensor}, or null when it has none. */
    String nameOf(Tensor tensor);

    static NameResolver none() {
        return tensor -> null;
    }

    /**
     * Names from a map of name to tensor (torchviz's {@code params}, or a kernel's variables in
     * declaration order). When several names hold the same tensor the first one wins, so pass an
     * ordered map if that matters.
     */
    static NameResolver of(Map<String, Tensor> named) {
        var byTensor = new IdentityHashMap<Tensor, String>();
        named.forEach((name, tensor) -> {
            if (tensor != null) byTensor.putIfAbsent(tensor, name);
        });
        return byTensor::get;
    }

    /**
     * Each live module's parameters by path from the outermost module holding them
     * ({@code l1.weight}, {@code 0.bias}): torchviz's {@code params=dict(model.named_parameters())}
     * without passing it. Read now, so a picture drawn later sees modules registered since.
     */
    static NameResolver moduleParameters() {
        return ParameterNames.current()::get;
    }

    /** This resolver, and {@code fallback} for the tensors it does not name. */
    default NameResolver orElse(NameResolver fallback) {
        return tensor -> {
            String name = nameOf(tensor);
            return name != null ? name : fallback.nameOf(tensor);
        };
    }
}
