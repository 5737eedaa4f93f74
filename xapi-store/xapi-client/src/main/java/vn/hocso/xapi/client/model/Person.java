package vn.hocso.xapi.client.model;

import java.util.List;

/**
 * Everything an LRS knows identifies one person (xAPI 2.0 Part 3 §2.4.1.1): the answer of the
 * Agents resource. Unlike an Agent, it may hold several names and identifiers.
 */
public record Person(List<String> names, List<Ifi> identifiers) {

  public Person {
    names = List.copyOf(names);
    identifiers = List.copyOf(identifiers);
  }
}
