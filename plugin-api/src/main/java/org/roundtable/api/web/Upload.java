package org.roundtable.api.web;

import jakarta.ws.rs.core.EntityPart;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * A file someone chose in a page's form ({@code multipart/form-data}), read up to a limit: its
 * plain file name (anything but letters, digits, dot, space, hyphen and underscore replaced), the
 * media type the browser gave (check the content's signature before trusting it), and its bytes. A
 * page posting a file puts the form token first in the form ({@code <input th:replace="~{components
 * :: csrf}">} as the form's first field; since 1.4.0 the token is no longer read from the form's
 * address).
 *
 * @param fileName the file's name, made plain
 * @param mediaType the media type the browser sent
 * @param content at most {@code limit} bytes of it
 * @param tooLarge whether the file was larger than the limit (then {@code content} is cut short)
 * @since 1.2.0
 */
public record Upload(String fileName, String mediaType, byte[] content, boolean tooLarge) {

  /**
   * Reads a form's file part.
   *
   * @param part the part ({@code @FormParam("receipt") EntityPart}), or null when absent
   * @param limit the most bytes to keep
   * @return the upload, or empty when no file was chosen (an absent or empty part)
   * @throws IOException when the request cannot be read
   * @since 1.2.0
   */
  public static Optional<Upload> read(EntityPart part, int limit) throws IOException {
    if (part == null) {
      return Optional.empty();
    }
    byte[] bytes;
    try (InputStream in = part.getContent()) {
      bytes = in.readNBytes(limit + 1);
    }
    if (bytes.length == 0) {
      return Optional.empty();
    }
    boolean tooLarge = bytes.length > limit;
    return Optional.of(
        new Upload(
            part.getFileName().orElse("upload").replaceAll("[^A-Za-z0-9._ -]", "_"),
            part.getMediaType().toString(),
            tooLarge ? java.util.Arrays.copyOf(bytes, limit) : bytes,
            tooLarge));
  }
}
