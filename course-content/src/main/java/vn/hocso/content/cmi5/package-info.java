/**
 * Import of a cmi5 course structure ({@code cmi5.xml}, cmi5 specification section 13): validated
 * against the specification's own schema ({@code CourseStructure.xsd}, shipped with its licence),
 * then checked against the rules the schema cannot express, then turned into a new draft course
 * whose lessons each hold one external assignable unit. Launching the units is later work.
 */
package vn.hocso.content.cmi5;
