@NullMarked
package dev.archon.vector.crawl.web;

import org.jspecify.annotations.NullMarked;
