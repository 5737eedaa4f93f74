/**
 * The Học Số Learning Record Store: a standalone xAPI 2.0.0 / 1.0.3 LRS. Each feature ({@code
 * about}, {@code statements}, {@code documents}, …) has its boundary (JAX-RS), control (services)
 * and entity code; {@code storage} owns the database, {@code platform} the application wiring.
 */
package vn.hocso.xapi;
