/**
 * The Học Số LMS. One package per feature ({@code units}, {@code accounts}, {@code catalogue},
 * later {@code learning}, {@code authoring}, {@code coverage}, {@code reports}), each split by
 * role: {@code domain} (entities that guard their rules), {@code control} (services), {@code
 * boundary} (JSF view beans and REST resources). {@code platform} wires the database and health;
 * {@code web} holds shared JSF pieces; {@code demo} seeds the demo data.
 */
package vn.hocso.lms;
