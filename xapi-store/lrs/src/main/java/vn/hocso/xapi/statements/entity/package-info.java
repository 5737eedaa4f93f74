/**
 * A statement as the LRS accepted it (the exact JSON answered for format=exact and the keys it is
 * found by), a statement as read back, and the statements query with its stable cursor.
 */
package vn.hocso.xapi.statements.entity;
