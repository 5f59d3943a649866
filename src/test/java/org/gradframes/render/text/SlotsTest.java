package org.gradframes.render.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.gradframes.expr.Parser;
import org.gradframes.expr.Source;
import org.gradframes.graph.Graph;
import org.gradframes.graph.GraphBuilder;
import org.junit.jupiter.api.Test;

/** Numbers marked as the quantities they are, for a page that writes them again: marked, read and measured. */
class SlotsTest {
  private static Graph graph(String text) {
    return GraphBuilder.build(new Parser(new Source("t.grad", text), 200).program(), false, null, 1000);
  }

  @Test
  void aMarkedNumberNamesItsSlotAndReadsAsTheNumber() {
    Notation marked = new Notation(graph("x = -2\ny = x * x"), 5, true, true);
    String text = marked.number(-2, Slots.value(0));
    assertEquals("\uE000v0\uE001−2\uE002", text);
    assertTrue(Slots.marked(text));
    assertEquals("−2", Slots.strip(text));
    assertEquals("(−2)", Slots.strip(marked.factor(-2, Slots.local(3))));
    assertTrue(marked.factor(-2, Slots.local(3)).startsWith("\uE000(l3\uE001"), "a factor's slot begins with (");
  }

  @Test
  void anUnmarkedNotationWritesTheNumberAlone() {
    Notation plain = new Notation(graph("x = -2\ny = x * x"), 5, true);
    assertEquals("−2", plain.number(-2, Slots.value(0)));
    assertEquals("(−2)", plain.factor(-2, Slots.amount(1)));
    assertFalse(Slots.marked(plain.numbers(1, new double[] {-2, 4})));
  }

  @Test
  void anOperationWithItsValuesMarksEachOperandAsItsNodesValue() {
    Notation marked = new Notation(graph("x = -2\nz = 3\ny = z - x"), 5, true, true);
    String text = marked.numbers(2, new double[] {-2, 3, 5});
    assertEquals("3 − (−2)", Slots.strip(text));
    assertTrue(text.contains("\uE000v1\uE0013\uE002") && text.contains("\uE000(v0\uE001(−2)\uE002"), text);
  }

  @Test
  void aMarkedTextMeasuresAsItReads() {
    String marked = "value " + Slots.mark(Slots.gradient(4, 2), "−0.25");
    assertEquals(RichText.width("value −0.25", 16, false), RichText.width(marked, 16, false));
    assertEquals("g4.2", Slots.gradient(4, 2));
  }

  @Test
  void aMarkedExponentIsASuperscriptAsTheNumberWouldBeItsSlotNameUnchanged() {
    String plain = RichText.plain("3.5^{" + Slots.mark(Slots.value(12), "2") + "}");
    assertEquals("3.5\uE000v12\uE001²\uE002", plain);
    assertEquals("3.5²", Slots.strip(plain));
  }

  @Test
  void aConstantIsWrittenAsItIsForNoInputChangesIt() {
    Notation marked = new Notation(graph("x = 3\ny = x ^ 2"), 5, true, true);
    String text = marked.numbers(2, new double[] {3, 2, 9});
    assertEquals("3^{2}", Slots.strip(text));
    assertFalse(text.contains("v1"), "the constant 2 is no slot: " + text);
  }
}
