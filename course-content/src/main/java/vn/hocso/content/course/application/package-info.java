/**
 * What the LMS calls: {@link vn.hocso.content.course.application.CourseCatalog} reads published
 * versions (as {@link vn.hocso.content.course.application.CourseSummary} records) and finds the
 * version a learner plays by its id.
 */
package vn.hocso.content.course.application;
