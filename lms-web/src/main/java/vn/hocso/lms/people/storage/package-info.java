/** Storage of people beyond what JPA does well: bulk inserts of an import. */
package vn.hocso.lms.people.storage;
