package org.roundtable.core.testing;

/** TEST ONLY: what an operator sends to create a council, for tests that make one of their own. */
public final class NewCouncils {

  private NewCouncils() {}

  /** A new council's request body: its address, name and first administrator. */
  public static String request(String slug) {
    return "{\"slug\":\""
        + slug
        + "\",\"displayName\":\"Council "
        + slug
        + "\",\"adminEmail\":\"first.admin@"
        + slug
        + ".example\",\"adminFirstName\":\"Pat\",\"adminLastName\":\"Admin\"}";
  }
}
