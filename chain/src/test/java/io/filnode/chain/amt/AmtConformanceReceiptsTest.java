package io.filnode.chain.amt;

import static org.assertj.core.api.Assertions.assertThat;

import io.filnode.chain.blockstore.IpldStore;
import io.filnode.chain.blockstore.MemoryBlockstore;
import io.filnode.chain.cid.Cid;
import io.filnode.chain.testing.ConformanceVector;
import io.filnode.chain.types.MessageReceipt;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Real v2 AMTs: the receipts roots that Lotus computed for the tipset-class conformance vectors (an
 * AMT of MessageReceipt, go-amt-ipld v2). A vector lists the receipts of every message it applied,
 * implicit ones included, while the root covers only the explicit ones that come first; so each
 * single-tipset vector must match the AMT of some prefix of its receipts.
 */
class AmtConformanceReceiptsTest {
  private static final Pattern RECEIPT =
      Pattern.compile(
          "\\{\\s*\"exit_code\"\\s*:\\s*(-?\\d+)\\s*,\\s*\"return\"\\s*:\\s*\"([^\"]*)\"\\s*,"
              + "\\s*\"gas_used\"\\s*:\\s*(-?\\d+)\\s*\\}");
  private static final Pattern ROOTS =
      Pattern.compile("\"receipts_roots\"\\s*:\\s*\\[([^\\]]*)\\]");
  private static final Pattern CID = Pattern.compile("\"/\"\\s*:\\s*\"([^\"]+)\"");

  @Test
  void receiptsRootsMatchAPrefixOfTheReceipts() throws Exception {
    int vectors = 0;
    int matched = 0;
    List<String> unmatched = new ArrayList<>();
    for (ConformanceVector v : ConformanceVector.all()) {
      Matcher rm = ROOTS.matcher(v.json);
      if (!rm.find()) {
        continue;
      }
      List<Cid> roots = new ArrayList<>();
      Matcher cm = CID.matcher(rm.group(1));
      while (cm.find()) {
        roots.add(Cid.parse(cm.group(1)));
      }
      if (roots.size() != 1) {
        continue;
      }
      List<MessageReceipt> receipts = new ArrayList<>();
      Matcher m = RECEIPT.matcher(v.json);
      while (m.find()) {
        receipts.add(
            new MessageReceipt(
                Long.parseLong(m.group(1)),
                Base64.getDecoder().decode(m.group(2)),
                Long.parseLong(m.group(3))));
      }
      vectors++;
      boolean found = false;
      for (int n = 0; n <= receipts.size() && !found; n++) {
        Amt amt = Amt.create(new IpldStore(new MemoryBlockstore()), AmtOptions.v2());
        for (int i = 0; i < n; i++) {
          amt.set(i, receipts.get(i));
        }
        found = amt.flush().equals(roots.get(0));
      }
      if (found) {
        matched++;
      } else {
        unmatched.add(v.toString());
      }
    }
    assertThat(vectors).isGreaterThan(10);
    assertThat(unmatched).isEmpty();
    assertThat(matched).isEqualTo(vectors);
  }
}
