@NullMarked
package dev.archon.vector.crawl;

import org.jspecify.annotations.NullMarked;
