/** Layout in pure Java with the Eclipse Layout Kernel's layered algorithm: the same picture on every machine. */
package org.gradframes.layout.elk;
