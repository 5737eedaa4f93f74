package vn.hocso.xapi.client.model;

/**
 * An Inverse Functional Identifier: the one property that identifies an Agent or a Group (xAPI 2.0
 * Part 2 §2.4.2.3). Being one value, an actor can never carry two.
 */
public sealed interface Ifi {

  /** {@code mailto:} IRI of an e-mail address. */
  record Mbox(String mbox) implements Ifi {
    public Mbox {
      Rules.required(mbox, "mbox", Rules.IFI);
      Rules.mbox(mbox, "mbox");
    }
  }

  /** The SHA-1 of a {@code mailto:} IRI, hex. */
  record MboxSha1Sum(String mboxSha1sum) implements Ifi {
    public MboxSha1Sum {
      Rules.required(mboxSha1sum, "mbox_sha1sum", Rules.IFI);
      Rules.sha1(mboxSha1sum, "mbox_sha1sum");
    }
  }

  /** An OpenID URI. */
  record OpenId(String openid) implements Ifi {
    public OpenId {
      Rules.iri(openid, "openid", Rules.IFI);
    }
  }

  /**
   * An account on an existing system (xAPI 2.0 Part 2 §2.4.2.4): what Học Số uses, with the
   * person's opaque account name, so no personal data goes to the LRS.
   */
  record Account(String homePage, String name) implements Ifi {
    public Account {
      try {
        Rules.iri(homePage, "homePage", Rules.IFI);
        Rules.nonEmpty(name, "name", Rules.IFI);
      } catch (InvalidStatementException e) {
        throw e.within("account");
      }
    }
  }

  static Ifi mbox(String mbox) {
    return new Mbox(mbox);
  }

  static Ifi mboxSha1Sum(String sha1) {
    return new MboxSha1Sum(sha1);
  }

  static Ifi openId(String openid) {
    return new OpenId(openid);
  }

  static Ifi account(String homePage, String name) {
    return new Account(homePage, name);
  }
}
