package org.cyberbaseline.validator;

/**
 * Lets the engine read a submission's bytes without defensive copies (a submission may hold tens
 * of megabytes). Public only because the engine lives in an internal package; not API.
 */
public final class SubmissionAccess {
  private SubmissionAccess() {}

  public static byte[] manifest(Submission submission) {
    return submission.manifestBytesUnsafe();
  }

  public static byte[] document(Submission submission, String path) {
    return submission.documentBytesUnsafe(path);
  }
}
