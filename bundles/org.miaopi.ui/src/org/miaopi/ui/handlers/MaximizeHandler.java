package org.miaopi.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.workbench.IPresentationEngine;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

/**
 * Ctrl+M, as in Eclipse: maximises the active part's stack, or restores it. The min/max add-on
 * (org.eclipse.e4.ui.workbench.addons.swt) does the rest on the tag, as it does for a double-click
 * on the part's tab.
 */
public class MaximizeHandler {

	@Execute
	public void execute(EPartService parts) {
		MPart part = parts.getActivePart();
		if (part == null) {
			return;
		}
		MUIElement shown = part.getCurSharedRef() != null ? part.getCurSharedRef() : part;
		if (!((MUIElement) shown.getParent() instanceof MPartStack stack)) {
			return;
		}
		if (!stack.getTags().remove(IPresentationEngine.MAXIMIZED)) {
			stack.getTags().add(IPresentationEngine.MAXIMIZED);
		}
	}
}
