package org.devmodel.core.mem;

/**
 * The trailing flexible array member of a struct ({@code __u8 data[]}), which does not count in
 * {@code sizeof}.
 *
 * @param name the C name
 * @param element what each element is
 * @param offset the byte offset of element 0
 */
public record FlexibleArray(String name, ElementType element, int offset) {
}
