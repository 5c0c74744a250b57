package dk.youthhub.hub.core;

/**
 * What every audit record is signed and labelled with.
 *
 * @param pseudonymKeyId the id of the pseudonym key that made the records' pseudonyms
 */
public record AuditSigning(AuditKeys keys, String pseudonymKeyId) {}
