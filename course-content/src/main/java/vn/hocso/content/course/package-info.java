/**
 * Courses: what a learner can take. {@code domain} holds the aggregate and its rules, {@code
 * application} the services the LMS calls. Every course has a stable xAPI activity IRI that
 * survives new versions.
 */
package vn.hocso.content.course;
