package dev.jautograd;

/**
 * Keyword arguments of factories, spelled like libtorch's C++ frontend:
 * {@code Torch.tensor(new double[]{5.}, requiresGrad())} is {@code torch.tensor([5.], requires_grad=True)},
 * and they chain in any order: {@code dtype(DType.FLOAT64).requiresGrad()}.
 *
 * <p>Why an interface: the entry points {@code requiresGrad()} and {@code dtype(...)} are static
 * (so {@code import static dev.jautograd.Options.*} offers them), and the chained calls have the
 * same names. In a class, {@code dtype(...).requiresGrad()} would compile to the static method
 * and silently drop the dtype; an interface's static methods are reachable only through its
 * name, so on a {@link Keywords} value the chained call is the instance one, which keeps every
 * setting.
 */
public sealed interface Options permits Options.Keywords {

    static Keywords defaults() {
        return Keywords.DEFAULT;
    }

    /** {@code requires_grad=True}. */
    static Keywords requiresGrad() {
        return Keywords.DEFAULT.requiresGrad();
    }

    /** {@code dtype=...}. */
    static Keywords dtype(DType dtype) {
        return Keywords.DEFAULT.dtype(dtype);
    }

    /** A set of keyword arguments; each call returns a copy with one more setting. */
    final class Keywords implements Options {
        private static final Keywords DEFAULT = new Keywords(null, false);

        private final DType dtype;
        private final boolean requiresGrad;

        private Keywords(DType dtype, boolean requiresGrad) {
            this.dtype = dtype;
            this.requiresGrad = requiresGrad;
        }

        /** These settings plus {@code requires_grad=True}. */
        public Keywords requiresGrad() {
            return new Keywords(dtype, true);
        }

        /** These settings plus {@code dtype=...}. */
        public Keywords dtype(DType newDtype) {
            return new Keywords(newDtype, requiresGrad);
        }

        /** The requested dtype, or {@code fallback} when none was given (read by the factories). */
        DType dtypeOr(DType fallback) {
            return dtype != null ? dtype : fallback;
        }

        boolean isRequiresGrad() {
            return requiresGrad;
        }

        @Override
        public String toString() {
            return "Options(dtype=" + (dtype == null ? "None" : dtype) + ", requires_grad="
                    + (requiresGrad ? "True" : "False") + ")";
        }
    }
}
