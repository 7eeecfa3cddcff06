// Validates PDF files against a PDF/A flavour with veraPDF and prints each failed rule once.
// Run as a single-file program: java -cp "lib/*" Validate.java 2b file.pdf ...
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;

public class Validate {
  public static void main(String[] args) throws Exception {
    VeraGreenfieldFoundryProvider.initialise();
    PDFAFlavour flavour = PDFAFlavour.fromString(args[0]);
    for (int i = 1; i < args.length; i++) {
      try (PDFAParser parser = Foundries.defaultInstance().createParser(new java.io.FileInputStream(args[i]), flavour);
           PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, false)) {
        ValidationResult result = validator.validate(parser);
        System.out.println(args[i] + " compliant=" + result.isCompliant());
        java.util.Set<String> seen = new java.util.TreeSet<>();
        for (TestAssertion t : result.getTestAssertions()) if (t.getStatus() == TestAssertion.Status.FAILED) seen.add(t.getRuleId().getClause() + "-" + t.getRuleId().getTestNumber() + " " + t.getMessage());
        for (String s : seen) System.out.println("  FAILED " + s);
      }
    }
  }
}
