package org.gradframes.clients;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What an SVG frame shows: its title and description, and one line per group with an id (its id, classes and
 * text: title, description and labels, white space collapsed), in document order. {@link #SCRIPT} reads the
 * stepper's picture the same way, so a page and a frame file can be compared line by line.
 *
 * @param title the frame's title, {@code desc} its description
 */
record SvgGroups(String title, String desc, List<String> groups) {
  /** JavaScript that reads the stepper's picture as {@link #of} reads a frame file. */
  static final String SCRIPT = """
      (() => {
        const svg = document.querySelector('#gradframes .frame svg');
        return {
          title: svg.querySelector(':scope > title').textContent,
          desc: svg.querySelector(':scope > desc').textContent,
          groups: [...svg.querySelectorAll('g[id]')].map(g => g.id + ' ' + g.getAttribute('class') + ' | '
              + g.textContent.replace(/\\s+/g, ' ').trim())
        };
      })()""";

  /** What an SVG frame shows, each id written as the stepper writes it ({@code gf-node-u1}). */
  static SvgGroups of(byte[] svg) throws IOException {
    Document document = parse(svg);
    NodeList groups = document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "g");
    // The file's ids begin with its root's id, where the stepper's begin with gf-.
    String root = document.getDocumentElement().getAttribute("id") + "-";
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < groups.getLength(); i++) {
      Element g = (Element) groups.item(i);
      if (g.hasAttribute("id")) {
        if (!g.getAttribute("id").startsWith(root)) {
          throw new IOException("the id " + g.getAttribute("id") + " does not begin with the root's, " + root);
        }
        lines.add("gf-" + g.getAttribute("id").substring(root.length()) + " " + g.getAttribute("class") + " | "
            + g.getTextContent().replaceAll("\\s+", " ").strip());
      }
    }
    return new SvgGroups(child(document, "title"), child(document, "desc"), lines);
  }

  private static String child(Document document, String name) {
    return document.getDocumentElement().getElementsByTagNameNS("http://www.w3.org/2000/svg", name).item(0)
        .getTextContent();
  }

  private static Document parse(byte[] svg) throws IOException {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg));
    } catch (ParserConfigurationException | SAXException e) {
      throw new IOException("not an SVG document", e);
    }
  }
}
