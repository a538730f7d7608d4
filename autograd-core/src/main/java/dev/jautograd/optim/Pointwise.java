package dev.jautograd.optim;

import dev.jautograd.DType;
import dev.jautograd.Tensor;
import dev.jautograd.internal.TensorInternals;
import dev.jautograd.storage.Storage;

/**
 * {@code addcmul_} and {@code addcdiv_} as ATen's CPU loops compute them (grad mode off, same
 * shapes): self + value·t1·t2, where GCC contracts the final multiply-add into one FMA, and
 * self + value·t1 / t2, where the division leaves nothing to fuse.
 */
final class Pointwise {
    private Pointwise() {}

    static void addcmul_(Tensor self, Tensor t1, Tensor t2, double value) {
        double[] s = self.toDoubleArray(), a = t1.toDoubleArray(), b = t2.toDoubleArray();
        boolean f32 = self.dtype() == DType.FLOAT32;
        float v32 = (float) value;
        for (int i = 0; i < s.length; i++) {
            s[i] = f32 ? Math.fma(v32 * (float) a[i], (float) b[i], (float) s[i]) : Math.fma(value * a[i], b[i], s[i]);
        }
        write(self, s);
    }

    static void addcdiv_(Tensor self, Tensor t1, Tensor t2, double value) {
        double[] s = self.toDoubleArray(), a = t1.toDoubleArray(), b = t2.toDoubleArray();
        boolean f32 = self.dtype() == DType.FLOAT32;
        float v32 = (float) value;
        for (int i = 0; i < s.length; i++) {
            s[i] = f32 ? (float) s[i] + v32 * (float) a[i] / (float) b[i] : s[i] + value * a[i] / b[i];
        }
        write(self, s);
    }

    /** Through copy_, so the version counter moves as for any in-place write. */
    private static void write(Tensor self, double[] values) {
        Storage out = Storage.allocate(self.dtype(), values.length);
        for (int i = 0; i < values.length; i++) out.set(i, values[i]);
        self.copy_(TensorInternals.wrap(out, self.shape()));
    }

    /** As {@code torch.maximum(a, b, out=a)} for the AMSGrad running maximum (NaN wins, as in ATen). */
    static void maximum_(Tensor self, Tensor other) {
        double[] s = self.toDoubleArray(), o = other.toDoubleArray();
        for (int i = 0; i < s.length; i++) s[i] = Double.isNaN(s[i]) || Double.isNaN(o[i]) ? Double.NaN : Math.max(s[i], o[i]);
        write(self, s);
    }
}
