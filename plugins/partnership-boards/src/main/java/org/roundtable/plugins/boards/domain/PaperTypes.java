package org.roundtable.plugins.boards.domain;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The kinds of file a board paper may be — documents and pictures, never anything a browser would
 * run (no HTML, no SVG, no scripts) — and a check that the bytes are what the declared type says,
 * by the file signatures those formats begin with.
 */
public final class PaperTypes {

  private static final byte[] PDF = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] ZIP = {'P', 'K', 3, 4};

  /** Allowed media types and the file signature each must start with (null: plain text). */
  private static final Map<String, byte[]> ALLOWED =
      Map.of(
          "application/pdf", PDF,
          "image/png", PNG,
          "image/jpeg", JPEG,
          "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ZIP,
          "application/vnd.oasis.opendocument.text", ZIP);

  private PaperTypes() {}

  /**
   * Why these bytes cannot be a paper of this type, if they cannot.
   *
   * @param contentType the declared media type (parameters ignored)
   */
  public static Optional<String> problem(String contentType, byte[] content) {
    String type = contentType == null ? "" : contentType.split(";")[0].strip().toLowerCase();
    if (type.equals("text/plain")) {
      return isText(content) ? Optional.empty() : Optional.of("this is not plain UTF-8 text");
    }
    byte[] signature = ALLOWED.get(type);
    if (signature == null) {
      return Optional.of(
          "papers may be PDF, Word (.docx), OpenDocument text, plain text, PNG or JPEG");
    }
    if (content.length < signature.length
        || !Arrays.equals(Arrays.copyOf(content, signature.length), signature)) {
      return Optional.of("the file is not the " + type + " it says it is");
    }
    return Optional.empty();
  }

  private static boolean isText(byte[] content) {
    for (byte b : content) {
      if (b == 0) {
        return false;
      }
    }
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
