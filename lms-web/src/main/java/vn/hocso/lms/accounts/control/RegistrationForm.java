package vn.hocso.lms.accounts.control;

/**
 * What a woman fills in to register herself.
 *
 * @param communeId the grassroots Union (commune or ward) she picked from the list
 * @param claimsMembership she says she is a Union member; an officer of her commune confirms it
 * @param consentsToLearningRecords required: keeping her learning records (Law 91/2025 Art. 9)
 * @param consentsToUnionReporting required: counting her training in her unit's reports
 * @param consentsToPhoneContact optional: officers of her unit may call her
 */
public record RegistrationForm(
    String fullName,
    Integer birthYear,
    String phone,
    Long communeId,
    boolean claimsMembership,
    String username,
    char[] password,
    char[] passwordAgain,
    boolean consentsToLearningRecords,
    boolean consentsToUnionReporting,
    boolean consentsToPhoneContact) {}
