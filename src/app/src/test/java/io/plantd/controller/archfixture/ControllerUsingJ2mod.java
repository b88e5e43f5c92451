package io.plantd.controller.archfixture;

import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/** Deliberately uses the Modbus library from the controller (test fixture for the architecture rules only). */
public final class ControllerUsingJ2mod {
    public int value() {
        return new SimpleRegister(5).getValue();
    }
}
