package dk.youthhub.canonical;

/**
 * Canonical theme codes: the union of the child (§50/§140) life and transition areas, the VUM
 * themes and the resource-profile elements. Recipients filter on these (e.g. {@code FAMILY}, {@code
 * HEALTH}); the source's own code travels beside it in {@link Theme#source()}.
 */
public enum ThemeCode {
    DEVELOPMENT_AND_BEHAVIOUR,
    FAMILY,
    SCHOOL,
    HEALTH,
    LEISURE_AND_FRIENDSHIPS,
    OTHER,
    EDUCATION,
    EMPLOYMENT,
    HOUSING,
    PRACTICAL_TASKS,
    SELF_CARE,
    MOBILITY,
    COMMUNICATION,
    COMMUNITY_LIFE,
    SOCIAL_LIFE,
    SURROUNDINGS,
    WORK_EXPERIENCE,
    VOCATIONAL_SKILLS,
    NON_VOCATIONAL_SKILLS,
    INTERESTS,
    SOCIAL_SKILLS,
    NETWORK,
    WISHES_AND_GOALS,
    HOUSING_AND_FINANCES
}
