package dk.youthhub.canonical;

/** A life area, theme or resource-profile element: the canonical code and the code as sent. */
public record Theme(ThemeCode code, String source) {}
