import static dev.jautograd.Options.requiresGrad;

import dev.jautograd.Torch;
import java.lang.management.ManagementFactory;

/**
 * What the kernel's background warm-up (LibraryWarmup) saves a student's first cells: the seed
 * notebook's library calls timed in a fresh JVM, cold or after the warm-up has run (as it does
 * while the student reads). JShell's compile cost is not in it: that is first_run.py's.
 *
 * <pre>
 * for m in cold warm cold warm cold warm; do
 *   java --add-modules=jdk.incubator.vector -XX:+UseSerialGC \
 *       -cp kernel/target/jautograd-kernel.jar benchmarks/kernel/WarmupEffect.java $m
 * done
 * </pre>
 */
public class WarmupEffect {
    public static void main(String[] args) throws Exception {
        if (args.length == 1 && args[0].equals("warm")) {
            var run = Class.forName("dev.jautograd.kernel.LibraryWarmup").getDeclaredMethod("run");
            run.setAccessible(true);
            run.invoke(null);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long wall = System.nanoTime();
        var a = Torch.tensor(new double[] {5.}, requiresGrad());
        var b = Torch.tensor(new double[] {6.}, requiresGrad());
        var y = a.pow(3).sub(b.pow(2));
        String shown = y.toString();
        y.backward();
        shown += a.grad();
        Torch.manualSeed(0);
        var w = Torch.randn(10, 1).requiresGrad_();
        var x = Torch.randn(1, 10).requiresGrad_();
        var loss = Torch.matmul(x, w).add(b).rsub(1);
        loss.backward();
        shown += w.grad() + "" + loss;
        System.out.printf("%s: the seed notebook's first library calls took %.1f ms wall, %.1f ms CPU (%d chars shown)%n",
                args.length == 1 ? args[0] : "cold", (System.nanoTime() - wall) / 1e6,
                (threads.getCurrentThreadCpuTime() - cpu) / 1e6, shown.length());
    }
}
