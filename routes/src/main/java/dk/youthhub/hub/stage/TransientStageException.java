package dk.youthhub.hub.stage;

/** A failure that may pass (a store or broker not answering): the batch is retried. */
public class TransientStageException extends Exception {

    public TransientStageException(String message, Throwable cause) {
        super(message, cause);
    }
}
