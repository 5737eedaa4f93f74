/**
 * Authoring: trainers write and publish courses. {@code domain}: who owns a course ({@link
 * vn.hocso.lms.authoring.domain.CourseAuthorship}), the version history's events and the course's
 * uploaded images; {@code control}: {@link vn.hocso.lms.authoring.control.CourseAuthoring}, the one
 * service every authoring page calls (it checks who may do what), and {@link
 * vn.hocso.lms.authoring.control.ImageUploads}; {@code boundary}: the pages' view beans and the
 * media servlet. The course model itself, the sanitiser and the version comparison live in
 * course-content.
 */
package vn.hocso.lms.authoring;
