package io.bouncesweeper;

import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class BounceSweeperApplication {
    public static void main(String[] args) {
    }
}
