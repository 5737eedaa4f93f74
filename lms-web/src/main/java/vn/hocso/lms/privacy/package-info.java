/**
 * Personal-data rights (Decree 13/2023, Personal Data Protection Law 91/2025): consent recorded
 * with purpose and text version, export of a person's data, erasure that keeps anonymised learning
 * records, and the audit log of who viewed or changed personal data and roles.
 */
package vn.hocso.lms.privacy;
