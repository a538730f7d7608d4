package dev.jautograd.display;

/**
 * One output in a notebook that can be replaced in place ({@code update_display_data}), as
 * IPython's {@code display(x, display_id=True)} returns. Showing it again displays a second copy
 * that updates together with the first.
 */
public final class DisplayHandle {
    private final String displayId;

    DisplayHandle(String displayId) {
        this.displayId = displayId;
    }

    public String displayId() {
        return displayId;
    }

    /** Replaces what this handle shows with {@code value}, wherever it is shown. */
    public void update(Object value) {
        Display.update(value, displayId);
    }

    /** Shows {@code value} as a new output under this handle's id. */
    public void display(Object value) {
        Display.show(value, displayId);
    }

    @Override
    public String toString() {
        return "DisplayHandle(display_id=" + displayId + ")";
    }
}
