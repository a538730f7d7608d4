package dev.jautograd.kernel.wire;

/** A message whose HMAC does not match the connection key: dropped, never executed. */
public final class InvalidSignatureException extends Exception {
    public InvalidSignatureException(String message) {
        super(message);
    }
}
