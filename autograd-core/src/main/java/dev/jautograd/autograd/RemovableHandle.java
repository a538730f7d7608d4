package dev.jautograd.autograd;

/** What {@code register_hook} returns: {@code remove()} unregisters the hook (PyTorch's RemovableHandle). */
public final class RemovableHandle {
    private Runnable removal;

    RemovableHandle(Runnable removal) {
        this.removal = removal;
    }

    /** Unregisters the hook; a second call does nothing, as in PyTorch. */
    public void remove() {
        if (removal != null) removal.run();
        removal = null;
    }

    @Override
    public String toString() {
        return "<torch.utils.hooks.RemovableHandle object at 0x" + Integer.toHexString(System.identityHashCode(this))
                + ">";
    }
}
