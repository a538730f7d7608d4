package dev.jautograd.viz;

/**
 * An arrow in the direction values flow forward (leaf to function to output), the reverse of
 * {@code next_functions}, as torchviz draws it. A {@code saved} edge ties a saved tensor to the
 * function that keeps it and is drawn dashed without an arrowhead.
 *
 * @param inputNr the {@code input_nr} of the {@code next_functions} entry (0 for tensor edges)
 */
public record GraphEdge(int from, int to, int inputNr, boolean saved) {}
