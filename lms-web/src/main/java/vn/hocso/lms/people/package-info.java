/**
 * People of the Union: members (hội viên), women who learn without being members, Union staff (cán
 * bộ) and trainers. Each has one home unit at a time, with history, and an opaque xAPI account:
 * phone numbers never leave this package in statements.
 */
package vn.hocso.lms.people;
