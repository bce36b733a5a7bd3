package io.stocklake.glue.endpoint.api;

/**
 * An error as Glue reports it: the {@code __type} code clients map to their exception classes, a message and
 * the HTTP status. Thrown anywhere below the protocol layer, which turns it into the JSON error body.
 */
public final class GlueError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int httpStatus;

    public GlueError(String code, int httpStatus, String message) {
        super(message, null, false, false);
        this.code = code;
        this.httpStatus = httpStatus;
    }

    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    public static GlueError entityNotFound(String message) {
        return new GlueError("EntityNotFoundException", 400, message);
    }

    public static GlueError alreadyExists(String message) {
        return new GlueError("AlreadyExistsException", 400, message);
    }

    public static GlueError invalidInput(String message) {
        return new GlueError("InvalidInputException", 400, message);
    }

    public static GlueError concurrentModification(String message) {
        return new GlueError("ConcurrentModificationException", 400, message);
    }

    public static GlueError accessDenied(String message) {
        return new GlueError("AccessDeniedException", 400, message);
    }

    /** A request member outside its modelled constraint, worded as AWS's request validation words it. */
    public static GlueError validation(String member, Object value, String constraint) {
        return new GlueError(
                "ValidationException",
                400,
                "1 validation error detected: Value " + (value == null ? "null" : "'" + value + "'") + " at '" + member
                        + "' failed to satisfy constraint: " + constraint);
    }

    public static GlueError serialization(String message) {
        return new GlueError("SerializationException", 400, message);
    }

    public static GlueError unknownOperation(String message) {
        return new GlueError("UnknownOperationException", 400, message);
    }

    public static GlueError throttling() {
        return new GlueError("ThrottlingException", 400, "Rate exceeded");
    }

    public static GlueError internalService(String message) {
        return new GlueError("InternalServiceException", 500, message);
    }

    public static GlueError serviceUnavailable(String message) {
        return new GlueError("ServiceUnavailableException", 503, message);
    }

    public static GlueError missingAuthenticationToken() {
        return new GlueError("MissingAuthenticationTokenException", 403, "Missing Authentication Token");
    }

    public static GlueError unrecognizedClient() {
        return new GlueError(
                "UnrecognizedClientException", 400, "The security token included in the request is invalid.");
    }

    /** A signature that does not prove the caller holds the secret now, for this service (HTTP 403, as AWS). */
    public static GlueError invalidSignature(String message) {
        return new GlueError("InvalidSignatureException", 403, message);
    }

    /** An Authorization header that lacks what a SigV4 signature must carry (HTTP 403, as AWS). */
    public static GlueError incompleteSignature(String message) {
        return new GlueError("IncompleteSignatureException", 403, message);
    }
}
