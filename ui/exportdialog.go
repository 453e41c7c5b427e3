package ui

import tea "github.com/charmbracelet/bubbletea"

// ExportDialog is the export dialog.
type ExportDialog struct {
	keys   *KeyMap
	styles *Styles
	width  int
	height int
}

// NewExportDialog returns a closed dialog.
func NewExportDialog(keys *KeyMap, styles *Styles) ExportDialog {
	return ExportDialog{keys: keys, styles: styles}
}

// SetSize sets the dialog's size.
func (d *ExportDialog) SetSize(w, h int) { d.width, d.height = w, h }

// View draws the dialog.
func (d ExportDialog) View() string { return "" }

func (m Model) openExport() (tea.Model, tea.Cmd) { return m, nil }

func (m Model) dialogKey(msg tea.KeyMsg) (tea.Model, tea.Cmd) { return m, nil }

func (m Model) routeDialog(msg tea.Msg) (tea.Model, tea.Cmd) { return m, nil }
