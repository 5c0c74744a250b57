package dk.youthhub.canonical;

/** The young person the document is about; {@code cpr} is the normalised 10-digit number. */
public record YoungPerson(String cpr, String firstName, String lastName) {}
