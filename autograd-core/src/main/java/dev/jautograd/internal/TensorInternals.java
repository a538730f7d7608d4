package dev.jautograd.internal;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.autograd.AccumulateGrad;
import dev.jautograd.autograd.Node;
import dev.jautograd.storage.Storage;
import java.lang.invoke.MethodHandles;

/**
 * The parts of {@link Tensor} that ops, loops, the engine and nn need but a student must not
 * see on {@code x.} (tab completion lists public methods): the raw storage, grad_fn wiring,
 * view construction, in-place guards. Writing through {@code storage()} skips the version
 * counter, so it stays off the user API.
 *
 * <p>The JDK's SharedSecrets pattern: these methods are package-private in {@link Tensor},
 * which registers an {@link Access} here from its static initializer; the rest of the library
 * calls the static methods below. Not part of the user API: nothing here checks arguments the
 * way the public methods do.
 */
public final class TensorInternals {
    /** What {@link Tensor} hands over; implemented once, in its own package. */
    public interface Access {
        Storage storage(Tensor t);

        void setGradFn(Tensor t, Node node);

        Tensor viewOf(Tensor t, int[] shape, int[] strides, int offset);

        void checkInPlace(Tensor t);

        AccumulateGrad gradAccumulator(Tensor t);

        Tensor markParameter(Tensor t);

        Tensor empty(DType dtype, int[] shape);

        Tensor emptyLike(Tensor like, DType dtype);

        Tensor withStrides(Storage storage, int[] shape, int[] strides);

        Tensor wrap(Storage storage, int[] shape);

        boolean sameShape(Tensor a, Tensor b);

        boolean hasDefaultStrides(Tensor t);

        int offsetOf(Tensor t, int[] index);
    }

    private static Access access;

    static {
        // The static factories below can run before any tensor exists: initialising Tensor
        // registers its Access (as the JDK's SharedSecrets ensure a class is initialised).
        try {
            MethodHandles.lookup().ensureInitialized(Tensor.class);
        } catch (IllegalAccessException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private TensorInternals() {}

    /** Called once, by {@link Tensor}'s static initializer. */
    public static void register(Access implementation) {
        if (access != null) throw new IllegalStateException("Tensor internals are already registered");
        access = implementation;
    }

    /** The storage shared with views; loops read and write through it (no version bump). */
    public static Storage storage(Tensor t) { return access.storage(t); }

    /** Sets the node that produced {@code t} (an op recording itself, an in-place rebase). */
    public static void setGradFn(Tensor t, Node node) { access.setGradFn(t, node); }

    /** A view sharing {@code t}'s storage and version counter (view ops). */
    public static Tensor viewOf(Tensor t, int[] shape, int[] strides, int offset) {
        return access.viewOf(t, shape, strides, offset);
    }

    /** PyTorch's refusals of an in-place write on a leaf that requires grad or a view of one. */
    public static void checkInPlace(Tensor t) { access.checkInPlace(t); }

    /** The node accumulating into a leaf's {@code .grad}, created once; null for others. */
    public static AccumulateGrad gradAccumulator(Tensor t) { return access.gradAccumulator(t); }

    /** Flags a fresh leaf as a module parameter ({@code nn.Parameter.of}). */
    public static Tensor markParameter(Tensor t) { return access.markParameter(t); }

    /** A new contiguous tensor of zeros. */
    public static Tensor empty(DType dtype, int... shape) { return access.empty(dtype, shape); }

    /** A new contiguous tensor of zeros with {@code like}'s shape (shares the shape array). */
    public static Tensor emptyLike(Tensor like, DType dtype) { return access.emptyLike(like, dtype); }

    /** A new tensor (not a view) over a freshly filled storage, with the given dense strides. */
    public static Tensor withStrides(Storage storage, int[] shape, int[] strides) {
        return access.withStrides(storage, shape, strides);
    }

    /** Wraps a storage holding exactly {@code shape}'s elements in row-major order. */
    public static Tensor wrap(Storage storage, int... shape) { return access.wrap(storage, shape); }

    /** Whether both tensors have the same shape, without copying either. */
    public static boolean sameShape(Tensor a, Tensor b) { return access.sameShape(a, b); }

    /** Contiguous with the default strides of its shape, size-1 dimensions included. */
    public static boolean hasDefaultStrides(Tensor t) { return access.hasDefaultStrides(t); }

    /** Storage index of the element at {@code index} (one entry per dim, negative from the end). */
    public static int offsetOf(Tensor t, int... index) { return access.offsetOf(t, index); }
}
