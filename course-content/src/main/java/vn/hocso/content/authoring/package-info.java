/**
 * The people-free rules of authoring: {@link vn.hocso.content.authoring.RichText} sanitises what
 * authors write (OWASP java-html-sanitizer, a small allow-list) and {@link
 * vn.hocso.content.authoring.VersionChanges} says what changed between two versions of a course.
 * Who may edit which course is the LMS's business (lms-web, {@code authoring}).
 */
package vn.hocso.content.authoring;
