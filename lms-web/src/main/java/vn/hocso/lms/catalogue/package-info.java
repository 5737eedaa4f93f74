/**
 * The catalogue feature of the LMS: the page where members find courses. Searching and ranking live
 * in course-content ({@code vn.hocso.content.catalogue}); {@code boundary} only binds the page to
 * it.
 */
package vn.hocso.lms.catalogue;
