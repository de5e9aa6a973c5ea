package io.filnode.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code filnode version}: the version and the git commit the jar was built from. */
@Command(name = "version", description = "Print the version and the git commit.")
public final class VersionCommand implements Runnable {

  /** Reads the properties the build writes into the jar. */
  static Properties buildInfo() {
    Properties p = new Properties();
    try (InputStream in = VersionCommand.class.getResourceAsStream("/filnode-version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading filnode-version.properties from the jar", e);
    }
    return p;
  }

  static String versionLine() {
    Properties p = buildInfo();
    String commit = p.getProperty("commit", "");
    if (commit.isEmpty() || commit.startsWith("${")) {
      commit = "unknown";
    } else if ("true".equals(p.getProperty("dirty"))) {
      commit = commit + "-dirty";
    }
    return "filnode " + p.getProperty("version", "unknown") + " (commit " + commit + ")";
  }

  @Override
  public void run() {
    System.out.println(versionLine());
  }

  /** Lets {@code filnode --version} print the same line. */
  public static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {versionLine()};
    }
  }
}
