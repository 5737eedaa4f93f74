/**
 * The course aggregate. {@link vn.hocso.content.course.domain.Course} is the stable identity (slug,
 * activity IRI) and holds numbered {@link vn.hocso.content.course.domain.CourseVersion}s; a version
 * holds modules, a module lessons and an optional quiz, a lesson content blocks. Everything below a
 * version changes only through intention-named methods and only while the version is a draft;
 * positions stay dense after every move; publishing checks the whole version (e.g. every question
 * has a right answer). Quiz marking, completion and sequential unlocking are decided here, from a
 * learner's progress given as activity IRIs, so that they read the same on every version.
 */
package vn.hocso.content.course.domain;
