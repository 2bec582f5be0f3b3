package dev.archon.api.testapp;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small service that uses archon-api the way every Archon service does.
 */
@SpringBootApplication
public class TestApiApplication {

}
